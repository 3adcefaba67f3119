package io.bouncedesk.ui.imports;

import io.bouncedesk.service.ImportReport;
import io.bouncedesk.service.IngestSummary;
import io.bouncedesk.ui.common.Messages;

import java.util.List;

/** The words for a dry run or an import result, and its problems list. */
final class ImportResults {

    private ImportResults() {
    }

    /** A dry run: whether the file would import, all or nothing. */
    static String check(ImportReport r, Messages m) {
        return r.accepted() ? m.format("import.check.ok", r.imported() + r.updated() + r.duplicates(), r.imported(),
                r.updated(), r.duplicates()) : m.format("import.check.rejectedRows", r.rejected());
    }

    /** A real CSV import: written whole, or nothing because rows were rejected. */
    static String done(ImportReport r, Messages m) {
        return r.written() ? m.format("import.done.csv", r.imported(), r.updated(), r.duplicates())
                : m.format("import.done.nothingRows", r.rejected());
    }

    /** Events or bounce messages: the good ones are imported even when some are rejected. */
    static String done(IngestSummary s, Messages m) {
        String text = m.format("import.done.ingest", s.imported(), s.updated(), s.duplicates(), s.skipped());
        if (s.rejected() > 0) {
            text += "\n" + m.format("import.done.someRejected", s.rejected());
        }
        if (s.cancelled()) {
            text = m.get("import.done.stopped") + "\n" + text;
        }
        return text;
    }

    static List<ImportProblem> problems(ImportReport r, Messages m) {
        List<ImportProblem> list = new java.util.ArrayList<>(r.rejectedRows().stream().map(ImportProblem::of).toList());
        if (r.unlisted() > 0) {
            list.add(new ImportProblem("", m.format("import.moreRejected", r.unlisted())));
        }
        return list;
    }

    static List<ImportProblem> problems(IngestSummary s) {
        return s.problems().stream().map(ImportProblem::of).toList();
    }
}
