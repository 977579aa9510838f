package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory of class folders, {@code DIR/<class>/<file>}: classes sorted by name, files in natural order (runs of
 * digits compare as numbers, so {@code img_2} comes before {@code img_10}). Strict: every entry of DIR must be a
 * folder, every folder must hold at least one file and nothing but files.
 */
final class ClassFolders {

    /** Orders names with their digit runs compared as numbers, then by the plain text. */
    static final Comparator<String> NATURAL = ClassFolders::compareNatural;

    private ClassFolders() {}

    /** The files of every class folder, by class name. */
    static Map<String, List<Path>> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException(dir, "missing: expected a directory of class folders");
        }
        Map<String, List<Path>> out = new LinkedHashMap<>();
        for (Path classDir : entries(dir)) {
            Temporaries.refuse(classDir);
            if (!Files.isDirectory(classDir)) {
                throw new DatasetFormatException(classDir, "not a class folder (only folders may stand in " + dir + ")");
            }
            List<Path> files = entries(classDir);
            if (files.isEmpty()) {
                throw new DatasetFormatException(classDir, "class folder is empty");
            }
            for (Path f : files) {
                Temporaries.refuse(f);
                if (Files.isDirectory(f)) {
                    throw new DatasetFormatException(f, "not a file (class folders hold files only)");
                }
                FileBytes.requireReadableFile(f);
            }
            out.put(classDir.getFileName().toString(), files);
        }
        if (out.isEmpty()) {
            throw new DatasetFormatException(dir, "holds no class folders");
        }
        return out;
    }

    /** Item 0 of every class in class order, then item 1 of every class, and so on: any head of it is balanced. */
    static <T> List<T> interleave(List<List<T>> perClass) {
        List<T> out = new ArrayList<>();
        int longest = perClass.stream().mapToInt(List::size).max().orElse(0);
        for (int k = 0; k < longest; k++) {
            for (List<T> items : perClass) {
                if (k < items.size()) {
                    out.add(items.get(k));
                }
            }
        }
        return out;
    }

    /** The entries of {@code dir} in natural order of their names. */
    static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString(), NATURAL)).toList();
        } catch (AccessDeniedException e) {
            throw new DatasetFormatException(dir, "permission denied: the directory cannot be listed");
        }
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    /** Compares two runs of ASCII digits by value, however long. */
    private static int compareNumbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
