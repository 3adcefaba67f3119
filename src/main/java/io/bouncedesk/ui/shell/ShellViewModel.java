package io.bouncedesk.ui.shell;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.Theme;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.Locale;

/**
 * The main window around the screens: where the user is, the signed-in user and workspace for the
 * status bar, and the menu commands. What the role may do decides what is enabled (section 11).
 */
public final class ShellViewModel {

    /** The languages offered; a language without its own bundle shows English. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("fr"), Locale.forLanguageTag("da"), Locale.forLanguageTag("cs"));

    private final User user;
    private final String workspaceLocation;
    private final DialogService dialogs;
    private final Messages messages;
    private final ShellActions actions;
    private final String version;
    private final ReadOnlyObjectWrapper<Place> place = new ReadOnlyObjectWrapper<>(this, "place");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");

    public ShellViewModel(User user, String workspaceLocation, Place start, Theme theme, DialogService dialogs,
                          Messages messages, ShellActions actions, String version) {
        this.user = user;
        this.workspaceLocation = workspaceLocation;
        this.dialogs = dialogs;
        this.messages = messages;
        this.actions = actions;
        this.version = version;
        this.place.set(start);
        this.theme.set(theme);
    }

    public void navigate(Section section) {
        place.set(Place.of(section));
    }

    public void openEmail(EmailSummary email) {
        place.set(Place.recipients(email));
    }

    /** Opens a contact's record, remembering where from so that Back returns there. */
    public void openContact(long contactId, String label) {
        Place from = place.get();
        cameFrom = from != null && from.contactId() == null ? from : cameFrom;
        place.set(Place.contact(contactId, label));
    }

    private Place cameFrom;

    /** Back from a contact record: to the list or email it was opened from, else the Contacts list. */
    public void back() {
        Place to = cameFrom != null ? cameFrom : Place.of(Section.CONTACTS);
        cameFrom = null;
        place.set(to);
    }

    public void newWorkspace() {
        dialogs.chooseFileToSave(messages.get("menu.newWorkspace"), "workspace.db", messages.get("file.workspaces"),
                "*.db").ifPresent(actions::newWorkspace);
    }

    /** File > Connect to team workspace: the window asks for the server, user and password. */
    public void connectTeamWorkspace() {
        actions.connectTeamWorkspace();
    }

    public void openWorkspace() {
        dialogs.chooseFileToOpen(messages.get("menu.openWorkspace"), messages.get("file.workspaces"), "*.db")
                .ifPresent(actions::openWorkspace);
    }

    /** File > Import: the import wizard for the roles allowed to import; others are told why not. */
    public void importFile() {
        if (canImport()) {
            actions.openImportWizard();
        } else {
            dialogs.showInfo(messages.get("menu.import"), messages.get("import.notAllowed"));
        }
    }

    /** File > Export: the open screen's export, or a word on where exporting happens. */
    public void export(Runnable screenExport) {
        if (!canExport()) {
            return;
        }
        if (screenExport != null) {
            screenExport.run();
        } else {
            dialogs.showInfo(messages.get("menu.export"), messages.get("export.whereFrom"));
        }
    }

    public void about() {
        dialogs.showInfo(messages.get("about.title"), messages.format("about.text", version));
    }

    public void setTheme(Theme t) {
        if (t != theme.get()) {
            theme.set(t);
            actions.applyTheme(t);
        }
    }

    public void setLanguage(Locale locale) {
        if (!locale.getLanguage().equals(messages.locale().getLanguage())) {
            actions.applyLanguage(locale);
        }
    }

    public void signOut() {
        actions.signOut();
    }

    public void quit() {
        actions.quit();
    }

    public boolean canImport() {
        return user.may(Permission.IMPORT);
    }

    public boolean canExport() {
        return user.may(Permission.EXPORT);
    }

    public ReadOnlyObjectProperty<Place> placeProperty() {
        return place.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Locale language() {
        return messages.locale();
    }

    public User user() {
        return user;
    }

    /** "Sam Support · Viewer" for the status bar. */
    public String userLabel() {
        return user.displayName() + " · " + messages.of("role", user.role());
    }

    public String workspaceLocation() {
        return workspaceLocation;
    }
}
