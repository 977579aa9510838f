/**
 * Record files: the JSON files the project writes about its runs (a training run's metrics, an inference run),
 * each naming its schema and version, written and read by {@link org.ibrasnn.core.record.RecordJson} with
 * strict validation of every field.
 */
package org.ibrasnn.core.record;
