/**
 * Datasets reachable by name through the {@link org.ibrasnn.core.data.Datasets} registry, and their strict readers:
 * IDX (Fashion-MNIST, MNIST; plain or gzip), CIFAR-10/100 binary batches, image folders in the ImageNet layout, and
 * event recordings (N-MNIST binary, CIFAR10-DVS AEDAT 2.0) framed into T frames. Every fault is reported with the
 * file's name and what is wrong, and nothing partial is returned: files are checked before they are opened (a FIFO
 * cannot block a read), reads are bounded by what a header announces or an item may hold (a gzip bomb is not
 * inflated whole), and a writer's leftover temporary is named. A load may decode the test split only. Detection
 * sets ({@link org.ibrasnn.core.data.DetectionDataset}) come from COCO instance files or the YOLO label layout, and
 * synthetic scenes of Fashion-MNIST garments are composed and written by
 * {@link org.ibrasnn.core.data.SyntheticScenes}.
 */
package org.ibrasnn.core.data;
