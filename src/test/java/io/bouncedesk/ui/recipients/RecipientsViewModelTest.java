package io.bouncedesk.ui.recipients;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.RecipientCounts;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.RecipientDetail;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.PagedList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Recipients view model against the demo workspace, without the JavaFX toolkit. */
class RecipientsViewModelTest {

    private final Services services = DemoWorkspace.services();
    private final List<RecipientItem> openedContacts = new ArrayList<>();
    private EmailSummary email;
    private RecipientsViewModel vm;

    @BeforeEach
    void open() {
        // The latest email: the earlier ones left hard bounces behind, so it has Not sent rows of every kind.
        email = services.reports.emails(null).get(0);
        vm = new RecipientsViewModel(email.email().id(), services.recipients, BackgroundTasks.sameThread(),
                Messages.of(Locale.ENGLISH), openedContacts::add);
        vm.load();
    }

    @Test
    void opensOnTheSentTabWithEveryCountFromTheDatabase() {
        RecipientCounts counts = vm.countsProperty().get();
        assertThat(counts).isEqualTo(services.recipients.counts(email.email().id()));
        assertThat(vm.tabProperty().get()).isEqualTo(RecipientTab.SENT);
        assertThat(vm.itemsProperty().get()).hasSize((int) counts.sent());
        assertThat(vm.itemsProperty().get().get(0).isPlaceholder()).isFalse();
    }

    @Test
    void theBouncedTabListsTheBouncesAndTheSwitchNarrowsToHardOrSoft() {
        RecipientCounts counts = vm.countsProperty().get();
        vm.selectTab(RecipientTab.BOUNCED);
        assertThat(vm.itemsProperty().get()).hasSize((int) counts.bounced());
        vm.selectBounceType(BounceType.HARD);
        assertThat(vm.itemsProperty().get()).hasSize((int) counts.hardBounced());
        assertThat(all()).allMatch(i -> i.recipient().bounceType() == BounceType.HARD);
        vm.selectBounceType(BounceType.SOFT);
        assertThat(vm.itemsProperty().get()).hasSize((int) counts.softBounced());
        vm.selectBounceType(null);
        assertThat(vm.itemsProperty().get()).hasSize((int) counts.bounced());
    }

    @Test
    void theListIsAPagedListThatNeverHoldsMoreThanItsPageLimit() {
        assertThat(vm.itemsProperty().get()).isInstanceOf(PagedList.class);
        PagedList<?> list = (PagedList<?>) vm.itemsProperty().get();
        all();
        assertThat(list.loadedPageCount()).isLessThanOrEqualTo(RecipientsViewModel.MAX_PAGES);
    }

    @Test
    void aRefreshReadsTheSameTabSearchAndSortAgainAndKeepsThePlaceInTheList() {
        vm.selectTab(RecipientTab.BOUNCED);
        String address = vm.itemsProperty().get().get(0).address();
        vm.search(address.substring(0, 2));
        vm.sortBy(RecipientQuery.Sort.ADDRESS, true);
        RecipientQuery before = vm.query();
        List<Boolean> kept = new ArrayList<>();
        vm.itemsProperty().subscribe(items -> kept.add(vm.keepsPosition()));
        kept.clear();

        vm.refresh();

        assertThat(kept).as("the refreshed list asks the view to stay where it was").containsExactly(true);
        assertThat(vm.query()).isEqualTo(before);
        assertThat(vm.countsProperty().get()).isEqualTo(services.recipients.counts(email.email().id()));
        vm.search("");
        assertThat(kept).as("a new search starts at the top").containsExactly(true, false);
    }

    @Test
    void searchNarrowsTheListToAddressesOrNamesStartingWithTheText() {
        int before = vm.itemsProperty().get().size();
        String address = vm.itemsProperty().get().get(0).address();
        String prefix = address.substring(0, Math.min(5, address.indexOf('@')));
        vm.search(prefix);
        List<RecipientItem> found = all();
        assertThat(found).isNotEmpty().hasSizeLessThan(before);
        assertThat(found).allMatch(i -> i.address().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))
                || i.recipient().name().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)));
        vm.search("");
        assertThat(vm.itemsProperty().get()).hasSize(before);
    }

    @Test
    void sortingIsDoneByTheDatabase() {
        vm.sortBy(RecipientQuery.Sort.ADDRESS, true);
        List<String> keys = all().stream().map(i -> i.address().toLowerCase(Locale.ROOT)).toList();
        assertThat(keys).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(vm.query().sort()).isEqualTo(RecipientQuery.Sort.ADDRESS);
        assertThat(vm.query().descending()).isTrue();
    }

    @Test
    void expandingABouncedRowReadsItsAttemptsWithTheServersReplies() {
        vm.selectTab(RecipientTab.BOUNCED);
        RecipientItem item = vm.itemsProperty().get().get(0);
        assertThat(vm.expandable(item)).isTrue();
        vm.toggleExpanded(item);
        assertThat(vm.isExpanded(item)).isTrue();
        RecipientDetail detail = vm.details().get(item.recipient().id());
        assertThat(detail.recipient().diagnostic()).isNotBlank();
        assertThat(detail.attempts()).isNotEmpty();
        assertThat(detail.attempts().get(detail.attempts().size() - 1).replyText()).isNotBlank();
        vm.toggleExpanded(item);
        assertThat(vm.isExpanded(item)).isFalse();
        assertThat(vm.details()).isEmpty();
    }

    @Test
    void notSentRowsCarryTheirReasonAndAPreviousBounceNamesTheEmailItBouncedOn() {
        vm.selectTab(RecipientTab.NOT_SENT);
        List<RecipientItem> rows = all();
        assertThat(rows).hasSize((int) vm.countsProperty().get().notSent());
        assertThat(rows).allMatch(i -> i.recipient().outcome() == RecipientOutcome.NOT_SENT
                && i.recipient().notSentReason() != null);
        RecipientItem bounced = rows.stream()
                .filter(i -> i.recipient().notSentReason() == NotSentReason.PREVIOUSLY_BOUNCED).findFirst().orElseThrow();
        vm.toggleExpanded(bounced);
        RecipientDetail detail = vm.details().get(bounced.recipient().id());
        assertThat(detail.causeEmail()).isNotNull();
        assertThat(detail.causeEmail().sentAt()).isBefore(email.email().sentAt());
        assertThat(detail.causeRecipient().outcome()).isEqualTo(RecipientOutcome.BOUNCED);
    }

    @Test
    void aNewTabStartsInSendOrderWithNoBounceFilter() {
        vm.selectTab(RecipientTab.BOUNCED);
        vm.selectBounceType(BounceType.HARD);
        vm.sortBy(RecipientQuery.Sort.CATEGORY, false);
        vm.selectTab(RecipientTab.DELIVERED);
        assertThat(vm.query()).isEqualTo(RecipientQuery.of(email.email().id(), RecipientTab.DELIVERED));
    }

    @Test
    void openingAContactHandsTheRowToTheNavigation() {
        RecipientItem item = vm.itemsProperty().get().get(0);
        vm.openContact(item);
        vm.openContact(RecipientItem.placeholder(3));
        assertThat(openedContacts).containsExactly(item);
    }

    /** Reads every row (same-thread loading fills each page on first touch). */
    private List<RecipientItem> all() {
        var items = vm.itemsProperty().get();
        return IntStream.range(0, items.size()).mapToObj(items::get).toList();
    }
}
