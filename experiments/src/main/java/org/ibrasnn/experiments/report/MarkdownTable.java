package org.ibrasnn.experiments.report;

import java.util.List;

/** A GitHub-flavoured Markdown table, for result tables. */
public final class MarkdownTable {

    private MarkdownTable() {}

    /** The table with one header line, its separator and one line per row. */
    public static String of(List<String> header, List<List<String>> rows) {
        StringBuilder md = new StringBuilder();
        line(md, header);
        md.append('|');
        header.forEach(h -> md.append(" --- |"));
        md.append('\n');
        rows.forEach(r -> line(md, r));
        return md.toString();
    }

    private static void line(StringBuilder md, List<String> cells) {
        md.append('|');
        cells.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append('\n');
    }
}
