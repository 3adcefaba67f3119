package io.bouncedesk.service;

/** Something named by id or address does not exist in the workspace. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
