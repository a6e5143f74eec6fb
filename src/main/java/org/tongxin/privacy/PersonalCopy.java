package org.tongxin.privacy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A person's copy of their data while the features fill it in: named sections (an object or a list
 * each), in name order so that two copies of the same data read the same. A feature owns its names;
 * two features claiming one name is a programming error.
 */
public final class PersonalCopy {

    private final Map<String, Object> sections = new TreeMap<>();

    /** Adds a section; {@code value} is a record (or a list of them) Jackson writes as JSON. */
    public void put(String section, Object value) {
        if (sections.putIfAbsent(section, value) != null) {
            throw new IllegalStateException("two features export the section " + section);
        }
    }

    Map<String, Object> sections() {
        return Collections.unmodifiableMap(sections);
    }
}
