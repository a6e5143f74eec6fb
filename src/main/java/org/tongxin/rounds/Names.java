package org.tongxin.rounds;

/** How a person's name is shown where others may see it: 王*英, 李*, 欧**华. */
final class Names {

    private Names() {}

    /** The first and last character kept, every one between them a star; a two-character name keeps the first. */
    static String mask(String name) {
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 0) {
            return "";
        }
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return out.append('*').toString();
        }
        out.append("*".repeat(cps.length - 2));
        return out.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
