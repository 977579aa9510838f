/** Energy per operation (45 nm presets) and the dense operation counts of an architecture. */
package org.ibrasnn.core.energy;
