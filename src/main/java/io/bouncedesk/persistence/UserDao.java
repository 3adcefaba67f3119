package io.bouncedesk.persistence;

import io.bouncedesk.domain.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Console users. */
public final class UserDao {

    static final RowMapper<UserRow> MAPPER = (rs, ctx) -> new UserRow(rs.getLong("id"), rs.getString("username"),
            rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("password_hash"),
            rs.getBoolean("disabled"));

    public long insert(Handle h, String username, String displayName, Role role, String passwordHash, Instant now) {
        return h.createUpdate("INSERT INTO app_user (username, display_name, role, password_hash, created_at)"
                        + " VALUES (:u, :d, :r, :p, :now)")
                .bind("u", username).bind("d", displayName).bind("r", role.name()).bind("p", passwordHash)
                .bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<UserRow> findByUsername(Handle h, String username) {
        return h.createQuery("SELECT * FROM app_user WHERE username = :u").bind("u", username).map(MAPPER).findOne();
    }

    public List<UserRow> list(Handle h) {
        return h.createQuery("SELECT * FROM app_user ORDER BY username").map(MAPPER).list();
    }

    public long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Long.class).one();
    }
}
