package org.tongxin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tongxin.order.OrderError;
import org.tongxin.rounds.RoundsError;
import org.tongxin.shift.ShiftError;

/**
 * A database function refuses by raising an error code, which common/OwnTransaction turns into the
 * constant of that name of the enum its caller passes. A code raised but not declared there comes out
 * as a generic failure (PICKUP_CODES_TAKEN once did): every code every migration's function raises
 * is a constant of its function's enum. A function run inside the service's transaction answers its
 * refusal instead ({@code refused := 'CODE'}, mapped by name the same way): those are held alike.
 */
@Tag("fast")
class SqlRefusalsTest {

    /** Each function that raises refusals, and the enum of the ledger that calls it. */
    private static final Map<String, Class<? extends Enum<?>>> CALLERS = Map.of(
            "place_order", OrderError.class,
            "cancel_order", OrderError.class,
            "claim_shift", ShiftError.class,
            "arrive_at_site", RoundsError.class);

    private static final Pattern FUNCTION = Pattern.compile("(?i)CREATE(?: OR REPLACE)? FUNCTION (\\w+)");
    private static final Pattern RAISED = Pattern.compile("(?i)RAISE EXCEPTION '(\\w+)'");
    private static final Pattern ANSWERED = Pattern.compile("(?i)refused := '(\\w+)'");

    @Test
    void everyCodeAFunctionRaisesIsAConstantOfItsCallersEnum() throws IOException {
        Set<String> unmapped = new TreeSet<>();
        int raised = 0;
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : migrations.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(file);
                Matcher functions = FUNCTION.matcher(sql);
                String function = null;
                int from = 0;
                while (true) {
                    boolean more = functions.find();
                    int to = more ? functions.start() : sql.length();
                    String body = sql.substring(from, to);
                    boolean answers = function != null && CALLERS.containsKey(function) && body.contains("refused :=");
                    Matcher codes = (answers ? ANSWERED : RAISED).matcher(body);
                    while (codes.find()) {
                        raised++;
                        Class<? extends Enum<?>> refusals = CALLERS.get(function);
                        String code = codes.group(1);
                        if (refusals == null || Arrays.stream(refusals.getEnumConstants()).noneMatch(c -> c.name().equals(code))) {
                            unmapped.add(file.getFileName() + " " + function + ": " + code);
                        }
                    }
                    if (!more) {
                        break;
                    }
                    function = functions.group(1).toLowerCase();
                    from = functions.end();
                }
            }
        }
        assertTrue(raised >= 17, "found " + raised + " raised codes");
        assertEquals(Set.of(), unmapped, "codes raised in SQL that their caller's enum does not declare");
    }
}
