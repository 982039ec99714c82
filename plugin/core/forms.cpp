// FieldErrors and the dictionary convention every form template follows.
#include "plugin/core/forms.h"

#include "plugin/core/view.h"

namespace placette::core {

void FieldErrors::Add(std::string field, std::string message) {
    if (messages_.count(field)) return;  // the first problem of a field is the one shown
    order_.push_back(field);
    messages_.emplace(std::move(field), std::move(message));
}

bool FieldErrors::Has(std::string_view field) const {
    return messages_.find(field) != messages_.end();
}

const std::string& FieldErrors::Get(std::string_view field) const {
    static const std::string kNone;
    auto it = messages_.find(field);
    return it == messages_.end() ? kNone : it->second;
}

std::string FieldVar(std::string_view field) {
    std::string out;
    for (char c : field) {
        if (c == '-') c = '_';
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    }
    return out;
}

void FillForm(ctemplate::TemplateDictionary& body, const http::Form& submitted,
              const std::vector<std::string>& fields, const FieldErrors& errors,
              const std::map<std::string, std::string>& defaults) {
    const bool was_submitted = submitted.size() > 0;
    for (const std::string& f : fields) {
        const std::string var = FieldVar(f);
        std::string value;
        if (was_submitted) {
            value = submitted.GetOr(f);
        } else if (auto it = defaults.find(f); it != defaults.end()) {
            value = it->second;
        }
        body.SetValue(var + "_VALUE", value);
        if (errors.Has(f)) {
            body.SetValueAndShowSection(var + "_ERROR_TEXT", errors.Get(f), var + "_ERROR");
        }
    }
    if (errors.empty()) return;
    body.ShowSection(core::Tk<"HAS_ERRORS">());
    for (const std::string& f : errors.fields()) {
        auto* item = body.AddSectionDictionary(core::Tk<"ERROR_ITEM">());
        item->SetValue(core::Tk<"FIELD_ID">(), "f-" + f);
        item->SetValue(core::Tk<"MESSAGE">(), errors.Get(f));
    }
}

}  // namespace placette::core
