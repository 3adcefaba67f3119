package io.bouncedesk.domain;

/** A signed-in console user. */
public record User(long id, String username, String displayName, Role role) {

    public boolean may(Permission permission) {
        return role.allows(permission);
    }
}
