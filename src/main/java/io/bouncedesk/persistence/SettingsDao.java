package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/** Workspace-wide settings such as the time zone. */
public final class SettingsDao {

    public Optional<String> get(Handle h, String name) {
        return h.createQuery("SELECT value FROM workspace_setting WHERE name = :n").bind("n", name)
                .mapTo(String.class).findOne();
    }

    public void put(Handle h, String name, String value) {
        h.createUpdate("INSERT INTO workspace_setting (name, value) VALUES (:n, :v)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .bind("n", name).bind("v", value).execute();
    }
}
