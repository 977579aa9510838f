/**
 * Strict dataset readers: IDX (Fashion-MNIST, MNIST; plain or gzip) and CIFAR-10/100 binary batches.
 * Every fault is reported with the file's name and what is wrong, and nothing partial is returned.
 */
package org.ibrasnn.core.data;
