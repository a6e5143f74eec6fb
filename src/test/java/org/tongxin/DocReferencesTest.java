package org.tongxin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: every Markdown file that the code, the scripts or the docs name
 * is in the repository (a comment citing a file the reader cannot open explains nothing).
 */
@Tag("fast")
class DocReferencesTest {

    private static final Pattern MARKDOWN = Pattern.compile("(?<![\\w/.-])([\\w./-]*[\\w-]\\.md)\\b");
    private static final List<Path> SOURCES = List.of(Path.of("src"), Path.of("docs"), Path.of("deploy"), Path.of("bench"),
            Path.of("README.md"));

    @Test
    void everyMarkdownFileNamedIsInTheRepository() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(DocReferencesTest::text).toList()) {
                    Matcher m = MARKDOWN.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!exists(file, m.group(1))) {
                            missing.add(file + " → " + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "files named that the repository does not have");
    }

    /** Relative to the naming file, to the repository root, or to docs/. */
    private static boolean exists(Path from, String name) {
        Path parent = from.toAbsolutePath().getParent();
        return Files.exists(parent.resolve(name)) || Files.exists(Path.of(name)) || Files.exists(Path.of("docs").resolve(name));
    }

    private static boolean text(Path file) {
        String name = file.getFileName().toString();
        return Stream.of(".java", ".md", ".sh", ".sql", ".properties", ".yaml", ".yml", ".lua", ".py", "Dockerfile")
                .anyMatch(name::endsWith) || name.startsWith("Dockerfile");
    }
}
