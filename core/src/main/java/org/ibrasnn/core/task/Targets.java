package org.ibrasnn.core.task;

/** A dataset's targets by item index (a class label for classification). */
@FunctionalInterface
public interface Targets {

    int label(int index);
}
