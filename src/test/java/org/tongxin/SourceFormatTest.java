package org.tongxin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One formatting convention the build holds, so reviews never discuss layout: Java lines are at
 * most 150 characters, indented with spaces, without trailing whitespace.
 */
@Tag("fast")
class SourceFormatTest {

    static final int MAX_LINE = 150;

    @Test
    void javaSourcesKeepTheLineConvention() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.length() > MAX_LINE) {
                        wrong.add(file + ":" + (i + 1) + " is " + line.length() + " characters");
                    }
                    if (line.contains("\t")) {
                        wrong.add(file + ":" + (i + 1) + " has a tab");
                    }
                    if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                        wrong.add(file + ":" + (i + 1) + " ends with whitespace");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
