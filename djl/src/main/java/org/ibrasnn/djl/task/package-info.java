/**
 * The training side of the core tasks ({@link org.ibrasnn.core.task}): a
 * {@link org.ibrasnn.djl.task.TrainingTask} gives the loss and the per-batch training metric on DJL arrays,
 * found through {@link org.ibrasnn.djl.task.TrainingTasks} by the core task's name.
 */
package org.ibrasnn.djl.task;
