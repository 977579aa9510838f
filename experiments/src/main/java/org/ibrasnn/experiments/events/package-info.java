/** Neuromorphic datasets made from still images: every image recorded by the simulated event camera. */
package org.ibrasnn.experiments.events;
