/** What a model file records about how it was made: versions of this build and its libraries, commit, date. */
package org.ibrasnn.experiments.provenance;
