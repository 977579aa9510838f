package org.ibrasnn.cli;

import java.util.List;

/** A GitHub-flavoured Markdown table, for the result tables the commands write. */
final class MarkdownTable {

    private MarkdownTable() {}

    static String of(List<String> header, List<List<String>> rows) {
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
