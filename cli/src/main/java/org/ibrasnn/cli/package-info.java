/** The {@code ibra} command-line tool: each command parses its options, calls the library and prints. */
package org.ibrasnn.cli;
