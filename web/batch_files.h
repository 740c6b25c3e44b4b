// invitekit admin page: a batch's way in and out of the browser — a .csv file chosen with the
// file picker or dropped anywhere on the page, the clipboard read on request, and the results
// saved as a download. Each text that comes in goes to load_batch_text (batch_send.h).
#pragma once

#include <string>

#include "app_state.h"

namespace invitekit::web::batch_files {

// The file picker's hidden <input type=file> and the page's drag-and-drop (after init_batch).
void install(app_state& s);

// Opens the file picker. Browsers allow it only soon after a click or a key press.
void choose_file();

// Reads the system clipboard's text, when the browser allows; when it does not, the notice says
// to press Ctrl+V (a paste event needs no permission).
void paste_from_clipboard();

// Saves the batch's results_csv (batch.h) as "invitekit-results-<local date and time>.csv": the
// browser's download of a Blob.
void download_results(const batch_state& b);

}  // namespace invitekit::web::batch_files
