// Re-displaying a form with the citizen's input and a specific message next to each bad field,
// plus an error summary at the top (accessible: linked to the fields).
#pragma once

#include <ctemplate/template.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fcgi/form.h"

namespace placette::core {

// Messages by field name, in the order they were added.
class FieldErrors {
  public:
    void Add(std::string field, std::string message);
    bool empty() const { return order_.empty(); }
    bool Has(std::string_view field) const;
    const std::string& Get(std::string_view field) const;
    const std::vector<std::string>& fields() const { return order_; }

  private:
    std::vector<std::string> order_;
    std::map<std::string, std::string, std::less<>> messages_;
};

// For each field `f` in `fields`: sets F_VALUE (the submitted value, or `defaults` when the form
// was not submitted) and, when it has an error, shows section F_ERROR with F_ERROR_TEXT
// (F = f upper-cased, '-' → '_'). With any error, shows HAS_ERRORS with one ERROR_ITEM
// (FIELD_ID = "f-<f>", MESSAGE) per error, in order.
void FillForm(ctemplate::TemplateDictionary& body, const http::Form& submitted,
              const std::vector<std::string>& fields, const FieldErrors& errors,
              const std::map<std::string, std::string>& defaults = {});

// "TITLE" for "title", "END_DATE" for "end-date" / "end_date".
std::string FieldVar(std::string_view field);

}  // namespace placette::core
