package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every error code any feature can answer is in the table of docs/api-notes.md, with its status. */
@Tag("fast")
class ErrorCodesDocumentedTest {

    @Test
    void everyErrorCodeIsInTheTableWithItsStatus() throws IOException {
        String notes = Files.readString(Path.of("docs/api-notes.md"));
        List<ErrorCode> codes = new ArrayList<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tongxin")
                .stream().filter(c -> c.isEnum() && c.isAssignableTo(ErrorCode.class))
                .forEach(c -> codes.addAll(Arrays.stream(c.reflect().getEnumConstants()).map(ErrorCode.class::cast).toList()));
        assertTrue(codes.size() > 40, "found the error enums: " + codes);
        List<String> missing = codes.stream()
                .filter(code -> notes.lines().noneMatch(line -> line.startsWith("| " + code.status() + " |")
                        && line.contains("`" + code.name() + "`")))
                .map(code -> code.status() + " " + code.name()).toList();
        assertEquals(List.of(), missing, "add these to the error-code table in docs/api-notes.md");
    }
}
