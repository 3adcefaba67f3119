package io.bouncedesk.service;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;

/** The signed-in user's role does not allow the action (domain rules, section 11). */
public class PermissionDeniedException extends RuntimeException {

    private final Permission permission;

    public PermissionDeniedException(User user, Permission permission) {
        super("User '" + user.username() + "' (" + user.role() + ") may not " + permission.name().toLowerCase().replace('_', ' ') + ".");
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

    static void check(User user, Permission permission) {
        if (!user.may(permission)) {
            throw new PermissionDeniedException(user, permission);
        }
    }
}
