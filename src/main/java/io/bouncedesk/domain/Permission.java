package io.bouncedesk.domain;

/** What a signed-in user may do (domain rules, section 11). */
public enum Permission {
    READ,
    EXPORT,
    UNBOUNCE,
    RECLASSIFY,
    IMPORT,
    EDIT_CONTACTS,
    SEND,
    MANAGE_USERS,
    MANAGE_SENDING_DOMAINS
}
