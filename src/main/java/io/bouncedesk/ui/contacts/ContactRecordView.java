package io.bouncedesk.ui.contacts;

import atlantafx.base.theme.Styles;
import io.bouncedesk.service.ContactDetails;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A contact's record: Back, the header (name, address, status chip, company, source), the bounce
 * banners, the properties with the editable address, the bounce history and the email timeline;
 * the unbounce dialog opens over it. A confirmation shows as a toast for a few seconds.
 */
public final class ContactRecordView extends StackPane {

    private final ContactRecordViewModel vm;
    private final Messages m;
    private final ContactSections sections;
    private final VBox body = new VBox(16);
    private final TextField address = new TextField();
    private final PauseTransition noticeTimer = new PauseTransition(Duration.seconds(8));

    public ContactRecordView(ContactRecordViewModel vm, Messages messages, Formats formats, Runnable back) {
        this.vm = vm;
        this.m = messages;
        this.sections = new ContactSections(messages, formats);
        getStylesheets().add(StatusChip.stylesheet());
        getStyleClass().add("contact-record");

        BorderPane page = new BorderPane();
        page.setTop(header(back));
        body.getStyleClass().add("record-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("record-scroll");
        page.setCenter(new VBox(10, new ContactBanners(vm, messages, formats), scroll));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(page, toast());

        address.setId("contactAddress");
        address.setPrefColumnCount(28);
        address.textProperty().bindBidirectional(vm.addressInputProperty());
        address.setEditable(vm.mayEditAddress());
        address.setOnAction(e -> vm.saveAddress());
        vm.detailsProperty().subscribe(this::showDetails);
        vm.dialogProperty().subscribe(this::showDialog);
    }

    private Node header(Runnable back) {
        Button backButton = new Button(m.get("contact.back"), new FontIcon(Feather.CHEVRON_LEFT));
        backButton.setId("contactBack");
        backButton.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        backButton.setOnAction(e -> back.run());
        Label name = new Label();
        name.setId("contactName");
        name.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.setId("contactStatus");
        Label addressLine = new Label();
        addressLine.setId("contactCurrentAddress");
        Label company = new Label();
        company.getStyleClass().add(Styles.TEXT_MUTED);
        vm.detailsProperty().subscribe(d -> {
            if (d != null) {
                name.setText(d.contact().displayName());
                StatusChip.set(status, d.contact().status(), m);
                addressLine.setText(d.contact().address().address());
                company.setText(m.format("contact.companySource", blankToDash(d.contact().company()),
                        blankToDash(d.contact().source())));
            }
        });
        HBox titleLine = new HBox(10, name, status);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        VBox header = new VBox(2, backButton, titleLine, addressLine, company, error);
        header.getStyleClass().add("screen-header");
        return header;
    }

    private static String blankToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private void showDetails(ContactDetails d) {
        if (d == null) {
            return;
        }
        body.getChildren().setAll(sections.properties(d, addressEditor()), sections.history(d.history()),
                sections.timeline(d.timeline()));
    }

    private Node addressEditor() {
        Button save = new Button(m.get("contact.saveAddress"));
        save.setId("saveAddressButton");
        save.getStyleClass().add(Styles.SMALL);
        save.setOnAction(e -> vm.saveAddress());
        save.setVisible(vm.mayEditAddress());
        save.setManaged(vm.mayEditAddress());
        Label error = new Label();
        error.setId("addressError");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.addressErrorProperty());
        HBox box = new HBox(8, address, save, error);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node toast() {
        Label text = new Label();
        text.setId("contactNotice");
        text.setWrapText(true);
        text.textProperty().bind(vm.noticeProperty());
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> vm.dismissNotice());
        HBox toast = new HBox(10, new FontIcon(Feather.CHECK_CIRCLE), text, close);
        toast.setAlignment(Pos.CENTER_LEFT);
        toast.getStyleClass().add("toast");
        toast.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        toast.setMaxWidth(560);
        toast.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        toast.setMouseTransparent(false);
        StackPane.setAlignment(toast, Pos.BOTTOM_RIGHT);
        noticeTimer.setOnFinished(e -> vm.dismissNotice());
        vm.noticeProperty().subscribe(n -> {
            if (!n.isEmpty()) {
                noticeTimer.playFromStart();
            }
        });
        return toast;
    }

    private void showDialog(UnbounceDialogViewModel dialog) {
        getChildren().removeIf(n -> n instanceof UnbounceDialogView);
        if (dialog != null) {
            getChildren().add(new UnbounceDialogView(dialog, m));
        }
    }

    /** Stops the toast's timer; call when the record is left. */
    public void dispose() {
        noticeTimer.stop();
    }

    /** Another console changed the workspace: read the contact again. */
    public void refresh() {
        vm.refresh();
    }
}
