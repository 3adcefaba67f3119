package io.bouncedesk.domain;

import java.util.EnumSet;
import java.util.Set;

/** The three roles of section 11; each includes the one before it. */
public enum Role {
    VIEWER(EnumSet.of(Permission.READ, Permission.EXPORT)),
    MARKETING_EMAIL(EnumSet.of(Permission.READ, Permission.EXPORT, Permission.UNBOUNCE,
            Permission.RECLASSIFY, Permission.IMPORT, Permission.EDIT_CONTACTS, Permission.SEND)),
    SUPER_ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }
}
