/**
 * Files: atomic writes, float32 tensors, the safetensors format (header validated before any data is read),
 * the project's model file (safetensors whose {@code __metadata__} carries the architecture spec, kind, format
 * version and provenance), strict JSON, and the words for what can go wrong with a file ({@link
 * org.ibrasnn.core.io.FileAccess}).
 */
package org.ibrasnn.core.io;
