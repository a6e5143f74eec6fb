package org.tongxin.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Plain SQL against the test database, for counting rows after a race or arranging what the API cannot. */
public final class Db {

    private Db() {}

    public static long count(String sql, Object... args) {
        return Long.parseLong(text(sql, args));
    }

    /** The first column of the first row, as text. */
    public static String text(String sql, Object... args) {
        try (Connection c = ds().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public static java.util.List<String> strings(String sql, Object... args) {
        try (Connection c = ds().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            java.util.List<String> out = new java.util.ArrayList<>();
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sql(String sql, Object... args) {
        try (Connection c = ds().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A connection of its own to the test database, outside the service's pool, for a test that
     * holds a transaction open while requests run (the caller closes it).
     */
    public static Connection open() throws SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static void bind(PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
    }

    private static AgroalDataSource ds() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
