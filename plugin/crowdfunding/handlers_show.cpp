// The campaign page: funding figures with a text equivalent, rewards with what remains, needs
// with their progress, the owner's news, recent backers, the call to action and share links.
#include "fcgi/form.h"
#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/render.h"
#include "plugin/crowdfunding/handlers.h"
#include "plugin/crowdfunding/views.h"

namespace placette::crowdfunding::handlers {

namespace {
using ctemplate::TemplateDictionary;

void FillRewards(const Env& env, const Texts& tx, const CampaignPage& p, bool can_back,
                 TemplateDictionary& b) {
    const Campaign& k = p.campaign;
    if (p.rewards.empty()) return;
    b.ShowSection(core::Tk<"HAS_REWARDS">());
    for (const Reward& r : p.rewards) {
        auto* d = b.AddSectionDictionary(core::Tk<"REWARD">());
        core::SetInt(*d, core::Tk<"ID">(), static_cast<long>(r.id));
        d->SetValue(core::Tk<"TITLE">(), r.title);
        d->SetValue(core::Tk<"DESCRIPTION">(), r.description);
        d->SetValue(core::Tk<"MIN">(),
                    tx.F("cf.reward.min", {{"amount", tx.Money(r.min_amount, k.currency)}}));
        d->SetValue(core::Tk<"CLAIMED">(),
                    tx.F("cf.reward.claimed", {{"count", std::to_string(r.claimed)}}));
        if (r.limit) {
            d->SetValue(core::Tk<"REMAINING">(),
                        tx.F("cf.reward.remaining", {{"left", std::to_string(*r.limit - r.claimed)},
                                                     {"limit", std::to_string(*r.limit)}}));
        } else {
            d->SetValue(core::Tk<"REMAINING">(), tx.T("cf.reward.unlimited"));
        }
        if (!r.delivery.empty()) {
            d->SetValueAndShowSection(
                core::Tk<"DELIVERY">(),
                tx.F("cf.reward.delivery", {{"date", tx.IsoDate(r.delivery)}}),
                core::Tk<"HAS_DELIVERY">());
        }
        if (r.SoldOut()) {
            d->ShowSection(core::Tk<"SOLD_OUT">());
        } else if (can_back) {
            d->SetValueAndShowSection(
                core::Tk<"CHOOSE_URL">(),
                views::ProjectPath(env, k.id) + "/back?reward=" + std::to_string(r.id),
                core::Tk<"CAN_CHOOSE">());
        }
    }
}

void FillNeeds(const Env& env, const Texts& tx, const CampaignPage& p, TemplateDictionary& b) {
    if (p.needs.empty()) return;
    b.ShowSection(core::Tk<"HAS_NEEDS">());
    for (const Need& n : p.needs) {
        auto* d = b.AddSectionDictionary(core::Tk<"NEED">());
        d->SetValue(core::Tk<"KIND">(), tx.T("cf.need_kind." + std::string(Name(n.kind))));
        d->SetValue(core::Tk<"TITLE">(), n.title);
        d->SetValue(core::Tk<"DESCRIPTION">(), n.description);
        if (n.HasDates())
            d->SetValueAndShowSection(core::Tk<"DATES">(), views::NeedDates(tx, n),
                                      core::Tk<"HAS_DATES">());
        const std::int64_t done = std::min(n.fulfilled, n.quantity);
        core::SetInt(*d, core::Tk<"DONE">(), static_cast<long>(done));
        core::SetInt(*d, core::Tk<"QUANTITY">(), static_cast<long>(n.quantity));
        d->SetValue(core::Tk<"PROGRESS_TEXT">(),
                    tx.F("cf.need.progress", {{"done", std::to_string(done)},
                                              {"quantity", std::to_string(n.quantity)},
                                              {"left", std::to_string(n.quantity - done)}}));
        if (p.campaign.state == State::kLive && done < n.quantity) {
            d->SetValueAndShowSection(
                core::Tk<"OFFER_URL">(),
                env.config.base_path + "/needs/" + std::to_string(n.id) + "/offer",
                core::Tk<"CAN_OFFER">());
        }
    }
}

void FillUpdatesAndBackers(const Texts& tx, const CampaignPage& p, TemplateDictionary& b) {
    for (std::size_t i = 0; i < p.updates.size(); ++i) {
        const Update& u = p.updates[i];
        auto* d = b.AddSectionDictionary(core::Tk<"UPDATE">());
        d->SetValue(core::Tk<"TITLE">(), u.title);
        d->SetValue(core::Tk<"DATE">(), tx.Date(u.created_at));
        d->SetValue(core::Tk<"BODY_HTML">(), p.update_html.at(i));
    }
    if (!p.updates.empty()) b.ShowSection(core::Tk<"HAS_UPDATES">());
    for (const Pledge& pl : p.recent) {
        auto* d = b.AddSectionDictionary(core::Tk<"BACKER">());
        d->SetValue(core::Tk<"NAME">(), pl.anonymous ? tx.T("cf.anonymous") : pl.display_name);
        d->SetValue(core::Tk<"DATE">(), tx.Date(pl.paid_at));
        if (!pl.message.empty())
            d->SetValueAndShowSection(core::Tk<"MESSAGE">(), pl.message, core::Tk<"HAS_MESSAGE">());
    }
    if (!p.recent.empty()) b.ShowSection(core::Tk<"HAS_BACKERS">());
}

void FillShare(const Env& env, const Texts& tx, const Campaign& k, TemplateDictionary& b) {
    std::string host = env.config.host_url;
    while (!host.empty() && host.back() == '/') host.pop_back();
    const std::string url = host + views::ProjectPath(env, k);
    const std::string u = http::UrlEncode(url), t = http::UrlEncode(k.title);
    b.SetValue(core::Tk<"CANONICAL_URL">(), url);
    b.SetValue(core::Tk<"SHARE_EMAIL">(),
               "mailto:?subject=" + t +
                   "&body=" + http::UrlEncode(tx.T("cf.share.mail_body") + " " + url));
    b.SetValue(core::Tk<"SHARE_FACEBOOK">(), "https://www.facebook.com/sharer/sharer.php?u=" + u);
    b.SetValue(core::Tk<"SHARE_X">(), "https://twitter.com/intent/tweet?text=" + t + "&url=" + u);
    b.SetValue(core::Tk<"SHARE_LINKEDIN">(),
               "https://www.linkedin.com/sharing/share-offsite/?url=" + u);
}

void FillPlace(const Texts& tx, const Campaign& k, TemplateDictionary& b) {
    const bool has_map = !k.latitude.empty() && !k.longitude.empty();
    if (k.place.empty() && !has_map) return;
    b.SetValueAndShowSection(core::Tk<"PLACE">(),
                             k.place.empty() ? k.latitude + ", " + k.longitude : k.place,
                             core::Tk<"HAS_PLACE">());
    if (!has_map) return;
    b.SetValueAndShowSection(core::Tk<"MAP_URL">(),
                             "https://www.openstreetmap.org/?mlat=" + k.latitude + "&mlon=" +
                                 k.longitude + "#map=17/" + k.latitude + "/" + k.longitude,
                             core::Tk<"HAS_MAP">());
    b.SetValue(core::Tk<"MAP_LABEL">(), tx.T("cf.map_link"));
}

void FillStateNotice(const Env& env, const Ctx& ctx, const Texts& tx, const Campaign& k, bool owner,
                     TemplateDictionary& b) {
    const std::string state(Name(k.state));
    b.SetValue(core::Tk<"STATE_NOTICE">(), tx.T("cf.notice." + state));
    if (owner)
        b.SetValueAndShowSection(core::Tk<"MANAGE_URL">(),
                                 views::ProjectPath(env, k.id) + "/manage", core::Tk<"IS_OWNER">());
    if (ctx.viewer.is_staff() && k.state == State::kSubmitted) {
        b.SetValueAndShowSection(core::Tk<"REVIEW_URL">(),
                                 env.config.base_path + "/staff/campaigns/" + std::to_string(k.id),
                                 core::Tk<"CAN_REVIEW">());
    }
}

// Everything in the body but the notices that depend on who is asking (FillStateNotice) and
// the thanks after an offer.
void FillBody(const Env& env, const Texts& tx, const CampaignPage& page, std::int64_t now,
              TemplateDictionary& b) {
    const Campaign& k = page.campaign;
    views::FillCard(env, tx, k, now, b);
    b.SetValue(core::Tk<"DESCRIPTION_HTML">(), page.description_html);
    b.SetValue(core::Tk<"BACKERS_TEXT">(), tx.F(page.backers == 1 ? "cf.backers_one" : "cf.backers",
                                                {{"count", std::to_string(page.backers)}}));
    const bool can_back = k.state == State::kLive && now < k.ends_at;
    if (can_back)
        b.SetValueAndShowSection(core::Tk<"BACK_URL">(), views::ProjectPath(env, k.id) + "/back",
                                 core::Tk<"CAN_BACK">());
    FillRewards(env, tx, page, can_back, b);
    FillNeeds(env, tx, page, b);
    FillUpdatesAndBackers(tx, page, b);
    FillShare(env, tx, k, b);
    FillPlace(tx, k, b);
}
}  // namespace

Response Show(const Section& s, const Env& env, Ctx& ctx) {
    auto page = s.Svc(env).LoadPage(views::IdParam(ctx, "id"));
    if (!page) throw http::NotFound("no such campaign");
    const Campaign& k = page->campaign;
    const bool owner = !ctx.viewer.anonymous() && ctx.viewer.user_id == k.owner_id;
    if (!IsPublic(k.state) && !owner && !ctx.viewer.is_staff()) throw http::NotFound("not public");
    auto slug = ctx.req.route.find("id_slug");
    if (slug != ctx.req.route.end() && slug->second != k.slug) {
        return Response::Redirect(views::ProjectPath(env, k), 301);
    }
    const Texts tx = views::TextsOf(env, ctx);
    const std::int64_t now = core::NowSeconds();
    core::Page p = core::NewPage(env, ctx, "crowdfunding/campaign.tpl", k.title);
    // The body depends on the cached rows, the language, the second (days left, whether one
    // can still back) and, beyond them, only on these three: rendered once per second for each
    // (the layout, with who is logged in, is still rendered for every request).
    const bool thanks_offer = ctx.req.query.GetOr("thanks") == "offer";
    const int variant = (owner ? 1 : 0) | (ctx.viewer.is_staff() ? 2 : 0) | (thanks_offer ? 4 : 0);
    core::UseKeptBody(env, ctx, p, *page->body_memo, variant, now, [&] {
        auto& b = p.body();
        FillBody(env, tx, *page, now, b);
        FillStateNotice(env, ctx, tx, k, owner, b);
        if (thanks_offer) b.ShowSection(core::Tk<"THANKS_OFFER">());
    });
    return core::RenderPage(env, ctx, p);
}

}  // namespace placette::crowdfunding::handlers
