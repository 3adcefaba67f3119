package io.bouncedesk.persistence;

import io.bouncedesk.domain.Role;

/** A console user; {@code passwordHash} is the encoded salted PBKDF2 hash. */
public record UserRow(long id, String username, String displayName, Role role, String passwordHash, boolean disabled) {
}
