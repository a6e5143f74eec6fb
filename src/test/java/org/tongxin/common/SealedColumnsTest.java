package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Db;

/**
 * {@link SealedColumn} is the one registry the key rotation walks, so a sealed column left out of it
 * would keep its old key until the key is removed, and then break every read of it. The schema as
 * migrated is the truth: every {@code *_enc bytea} column must be registered, and the rotation
 * runbook must list exactly the registered columns.
 */
@QuarkusTest
class SealedColumnsTest {

    private static final Pattern RUNBOOK_COLUMN = Pattern.compile("`([a-z_]+\\.[a-z_]+_enc)`");

    @Test
    void everySealedColumnOfTheSchemaIsInTheRegistryAndNothingElse() {
        Set<String> schema = new TreeSet<>(Arrays.asList(Db.text("""
                SELECT string_agg(table_name || '.' || column_name, ',') FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type = 'bytea' AND column_name LIKE '%\\_enc'""").split(",")));
        assertEquals(schema, registered(), "a *_enc column is missing from SealedColumn (or registered but not in the schema)");
    }

    @Test
    void theRotationRunbookListsExactlyTheRegisteredColumns() throws IOException {
        String doc = Files.readString(Path.of("docs/operations.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("### Rotating the PII encryption key");
        String runbook = doc.substring(start, doc.indexOf("\n### ", start + 1));
        Set<String> listed = new TreeSet<>();
        Matcher m = RUNBOOK_COLUMN.matcher(runbook);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertEquals(registered(), listed, "docs/operations.md's rotation runbook lists other columns than SealedColumn");
    }

    private static Set<String> registered() {
        return Arrays.stream(SealedColumn.values()).filter(SealedColumn::inDatabase)
                .map(c -> c.table() + "." + c.column()).collect(Collectors.toCollection(TreeSet::new));
    }
}
