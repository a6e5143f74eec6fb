package org.tongxin.console;

import io.quarkus.qute.TemplateExtension;
import org.tongxin.volunteer.Skill;

/** Words the console's pages show for the API's enum values (Chinese first, as the mini-program shows them). */
@TemplateExtension
final class ConsoleLabels {

    private ConsoleLabels() {}

    static String zh(Skill skill) {
        return switch (skill) {
            case MEDICAL -> "医护";
            case DRIVING -> "驾驶";
            case DATA_ENTRY -> "数据录入";
            case LOGISTICS -> "物资搬运";
            case ELDERLY_CARE -> "照护老人";
            case OTHER -> "其他";
        };
    }
}
