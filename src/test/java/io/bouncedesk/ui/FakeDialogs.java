package io.bouncedesk.ui;

import io.bouncedesk.ui.common.DialogService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scripted {@link DialogService}: answers file choosers with a set path and records what was shown. */
public final class FakeDialogs implements DialogService {

    public final List<String> infos = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public String clipboard;
    public Path fileAnswer;

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String filterDescription,
                                           String filterPattern) {
        return Optional.ofNullable(fileAnswer);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filterDescription, String filterPattern) {
        return Optional.ofNullable(fileAnswer);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(message);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard = text;
    }
}
