/**
 * Files: atomic writes, float32 tensors, the safetensors format, and the project's model file
 * (safetensors whose {@code __metadata__} carries the architecture spec, kind, format version and provenance).
 */
package org.ibrasnn.core.io;
