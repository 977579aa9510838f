/**
 * What a network is trained and scored for: a {@link org.ibrasnn.core.task.Task} says what the head must
 * output, decodes outputs into predictions and scores them against a dataset's targets;
 * {@link org.ibrasnn.core.task.Classification} and {@link org.ibrasnn.core.task.Detection} are built in,
 * {@link org.ibrasnn.core.task.Tasks} is the open registry by name.
 */
package org.ibrasnn.core.task;
