package io.bouncedesk.ui.segments;

import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Recipients view's "Create segment from these recipients" button, shown on the Bounced and
 * Not sent tabs; asks for the segment's name (suggested from the tab and the email) and hands it on.
 */
public final class SegmentFromRecipientsButton extends Button {

    public SegmentFromRecipientsButton(SegmentFromRecipientsViewModel vm, ObservableValue<RecipientTab> tab,
                                       Messages m) {
        super(m.get("segments.fromRecipients"), new FontIcon(Feather.USERS));
        setId("createSegmentFromRecipientsButton");
        tab.subscribe(t -> {
            setVisible(SegmentFromRecipientsViewModel.offeredOn(t));
            setManaged(isVisible());
        });
        setDisable(!vm.canCreate());
        if (!vm.canCreate()) {
            setTooltip(new Tooltip(vm.disabledReason()));
        }
        setOnAction(e -> {
            TextInputDialog dialog = new TextInputDialog(vm.suggestedName());
            dialog.initOwner(getScene().getWindow());
            dialog.setTitle(m.get("app.title"));
            dialog.setHeaderText(m.get("segments.fromRecipientsHeader"));
            dialog.setContentText(m.get("segments.col.name"));
            dialog.getEditor().setId("segmentNameField");
            dialog.getEditor().setPrefColumnCount(28);
            dialog.showAndWait().ifPresent(vm::create);
        });
    }
}
