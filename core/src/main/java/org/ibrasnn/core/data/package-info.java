/**
 * Datasets reachable by name through the {@link org.ibrasnn.core.data.Datasets} registry, and their strict readers:
 * IDX (Fashion-MNIST, MNIST; plain or gzip), CIFAR-10/100 binary batches, image folders in the ImageNet layout, and
 * event recordings (N-MNIST binary, CIFAR10-DVS AEDAT 2.0) framed into T frames. Every fault is reported with the
 * file's name and what is wrong, and nothing partial is returned: files are checked before they are opened (a FIFO
 * cannot block a read), reads are bounded by what a header announces or an item may hold (a gzip bomb is not
 * inflated whole), and a writer's leftover temporary is named. A load may decode the test split only.
 */
package org.ibrasnn.core.data;
