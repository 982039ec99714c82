// libfcgi accept loop on worker threads, request building (owned copies of everything),
// access log, and the SIGTERM drain: stop accepting, wake idle workers, wait for busy ones.
#include "fcgi/server.h"

#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "fcgi/cookies.h"
#include "plugin/core/active_workers.h"
#include "plugin/core/crypto.h"
#include "plugin/core/log.h"

namespace placette::http {

namespace {
std::atomic<bool> g_stopping{false};
std::atomic<std::uint64_t> g_request_counter{0};
std::string g_id_prefix;

struct WorkerState {
    pthread_t thread{};
    std::atomic<bool> idle{false};
    std::atomic<bool> done{false};
};

void NoopHandler(int) {}

std::string NextRequestId() {
    return g_id_prefix + std::to_string(g_request_counter.fetch_add(1) + 1);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string PathFrom(const Request& req, std::string_view base) {
    std::string_view uri = req.Param("REQUEST_URI");
    uri = uri.substr(0, uri.find('?'));
    if (!uri.empty() && StartsWith(uri, base)) {
        std::string_view rest = uri.substr(base.size());
        if (rest.empty() || rest.front() == '/') return rest.empty() ? "/" : std::string(rest);
    }
    std::string_view info = req.Param("PATH_INFO");
    return info.empty() ? std::string("/") : std::string(info);
}

// Reads the whole body, or nothing when it is larger than `max` (the handler answers 413).
std::string ReadBody(FCGX_Request& fr, std::size_t content_length, std::size_t max,
                     bool& too_large) {
    std::string body;
    if (content_length > max) {
        too_large = true;
        return body;
    }
    body.resize(content_length);
    std::size_t got = 0;
    while (got < content_length) {
        int n = FCGX_GetStr(body.data() + got, static_cast<int>(content_length - got), fr.in);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    body.resize(got);
    return body;
}

// What the access log needs of a request, kept until the response has been handed to nginx.
struct AccessEntry {
    bool input_read = false;  // the request's input was read to its end (see WorkerLoop)
    std::string method;
    std::string path;
    std::string request_id;
    int status = 0;
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point answered;
};

// Written after FCGX_Finish_r, so the visitor never waits for the log line, and in batches
// (core::LogBuffered); `ms` is the time the request took up to its answer.
void AccessLog(const AccessEntry& e) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(e.answered - e.started).count();
    thread_local std::string line;
    char digits[24];
    auto number = [&](long long v) {
        line.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
    };
    line.clear();
    line += "access method=";
    line += e.method;
    line += " path=";
    line += e.path;
    line += " status=";
    number(e.status);
    line += " ms=";
    number(us / 1000);
    line += '.';
    number((us % 1000) / 100);
    line += " id=";
    line += e.request_id;
    core::LogBuffered(core::LogLevel::kInfo, line);
}

void ServeOne(FCGX_Request& fr, const ServerOptions& opt, const RequestHandler& handler,
              AccessEntry& entry) {
    Request req;
    req.request_id = NextRequestId();
    req.params.reserve(40);
    for (char** env = fr.envp; env != nullptr && *env != nullptr; ++env) {
        const char* eq = std::strchr(*env, '=');
        if (eq == nullptr) continue;
        req.params.emplace(std::string(*env, static_cast<std::size_t>(eq - *env)),
                           std::string(eq + 1));
    }
    std::size_t length = 0;
    std::string_view cl = req.Param("CONTENT_LENGTH");
    if (!cl.empty()) length = std::strtoull(std::string(cl).c_str(), nullptr, 10);
    bool too_large = false;
    std::string body = ReadBody(fr, length, opt.max_body_bytes, too_large);
    // The end of the input: nginx's empty stdin record, which follows the body (for a GET, it
    // came with the parameters).
    entry.input_read = !too_large && body.size() == length && FCGX_GetChar(fr.in) == EOF;
    BuildRequest(req, opt, std::move(body));
    if (too_large) req.body_error = 413;
    Response res = handler(req);
    const std::string head = res.Head();
    FCGX_PutStr(head.data(), static_cast<int>(head.size()), fr.out);
    if (req.method != "HEAD")
        FCGX_PutStr(res.body.data(), static_cast<int>(res.body.size()), fr.out);
    entry.method = std::move(req.method);
    entry.path = std::move(req.path);
    entry.request_id = std::move(req.request_id);
    entry.status = res.status;
    entry.started = req.started;
    entry.answered = std::chrono::steady_clock::now();
}

void WorkerLoop(int listen_fd, bool local_socket, const ServerOptions& opt,
                const RequestHandler& handler, std::mutex& accept_mu, WorkerState& state) {
    FCGX_Request fr;
    FCGX_InitRequest(&fr, listen_fd, 0);
    // Only the active workers take requests (core/active_workers.h); the others wait as spares.
    while (!g_stopping.load() && core::BecomeActive()) {
        if (core::TooManyActive()) {  // one came back from a wait: this one rests
            core::BecomeSpare();
            continue;
        }
        int rc;
        {
            std::lock_guard lock(accept_mu);
            if (g_stopping.load()) break;
            state.idle = true;
            rc = FCGX_Accept_r(&fr);
            state.idle = false;
        }
        if (rc < 0) break;
        AccessEntry entry;
        try {
            ServeOne(fr, opt, handler, entry);
        } catch (const std::exception& e) {
            core::LogError(std::string("msg=\"request failed outside the handler\" what=\"") +
                           e.what() + "\"");
        }
        // libfcgi ends a connection by shutting down its sending side and waiting until nginx
        // closes its own (so that a TCP reset cannot destroy the answer): the worker sleeps
        // until nginx gets round to it. On a Unix socket, with the input read to its end,
        // there is nothing to wait for: FCGX_Detach makes FCGX_Finish_r close at once.
        // (bench/RESULTS.md has the before and after.)
        if (local_socket && entry.input_read) FCGX_Detach(&fr);
        FCGX_Finish_r(&fr);
        if (entry.status != 0) AccessLog(entry);
    }
    core::BecomeSpare();
    FCGX_Free(&fr, 1);
    state.done = true;
}

int OpenListenSocket(const ServerOptions& opt) {
    if (opt.listen == "fd0") return 0;
    if (StartsWith(opt.listen, "unix:")) {
        std::string path = opt.listen.substr(5);
        struct stat st {};
        if (::lstat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) ::unlink(path.c_str());
        int fd = FCGX_OpenSocket(path.c_str(), 256);
        if (fd >= 0) ::chmod(path.c_str(), opt.socket_mode);
        return fd;
    }
    return FCGX_OpenSocket(opt.listen.c_str(), 256);
}
}  // namespace

void BuildRequest(Request& req, const ServerOptions& opt, std::string body) {
    req.method = std::string(req.Param("REQUEST_METHOD"));
    if (req.method.empty()) req.method = "GET";
    req.query_string = std::string(req.Param("QUERY_STRING"));
    req.path = PathFrom(req, opt.base_path);
    req.cookies = ParseCookieHeader(req.Param("HTTP_COOKIE"));
    FormError err;
    if (!ParseUrlEncoded(req.query_string, opt.form_limits, req.query, err)) req.body_error = 400;
    req.body = std::move(body);
    if (req.body.empty()) return;
    std::string_view ctype = req.Param("CONTENT_TYPE");
    bool ok = true;
    if (StartsWith(ctype, "application/x-www-form-urlencoded")) {
        ok = ParseUrlEncoded(req.body, opt.form_limits, req.form, err);
    } else if (StartsWith(ctype, "multipart/form-data")) {
        auto boundary = MultipartBoundary(ctype);
        ok = boundary && ParseMultipart(req.body, *boundary, opt.form_limits, req.form, err);
    }
    if (!ok) req.body_error = err.too_large ? 413 : 400;
}

int RunServer(const ServerOptions& opt, const RequestHandler& handler) {
    g_id_prefix = core::RandomHex(3) + "-";
    if (FCGX_Init() != 0) {
        core::LogError("msg=\"FCGX_Init failed\"");
        return 1;
    }
    int fd = OpenListenSocket(opt);
    if (fd < 0) {
        core::LogError("msg=\"cannot open the listening socket\" listen=" + opt.listen);
        return 1;
    }
    // Signals: SIGTERM/SIGINT are taken by sigwait below; SIGUSR1 only interrupts accept().
    struct sigaction sa {};
    sa.sa_handler = NoopHandler;
    sigaction(SIGUSR1, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t stop_set;
    sigemptyset(&stop_set);
    sigaddset(&stop_set, SIGTERM);
    sigaddset(&stop_set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_set, nullptr);

    sockaddr_storage addr{};
    socklen_t addr_len = sizeof addr;
    const bool local_socket =
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) == 0 &&
        addr.ss_family == AF_UNIX;
    std::mutex accept_mu;
    std::vector<std::unique_ptr<WorkerState>> states;
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < opt.workers; ++i) {
        states.push_back(std::make_unique<WorkerState>());
        WorkerState& st = *states.back();
        threads.emplace_back(
            [&, fd] { WorkerLoop(fd, local_socket, opt, handler, accept_mu, st); });
        st.thread = threads.back().native_handle();
    }
    core::LogInfo("msg=\"placette-fcgi ready\" listen=" + opt.listen +
                  " workers=" + std::to_string(opt.workers) +
                  " active_workers=" + std::to_string(core::ActiveWorkerLimit()));
    // Access lines are written in batches (core::LogBuffered), by the flusher thread.
    core::StartLogFlusher();
    int sig = 0;
    sigwait(&stop_set, &sig);
    core::LogInfo("msg=\"stopping: finishing requests in flight\" signal=" + std::to_string(sig));
    g_stopping = true;
    core::StopActiveWorkers();  // the spares leave
    FCGX_ShutdownPending();
    ::shutdown(fd, SHUT_RDWR);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(opt.shutdown_grace_s);
    for (;;) {
        bool all_done = true;
        for (auto& st : states) {
            if (st->done) continue;
            all_done = false;
            if (st->idle) pthread_kill(st->thread, SIGUSR1);
        }
        if (all_done) break;
        if (std::chrono::steady_clock::now() > deadline) {
            core::LogWarn("msg=\"grace period over; exiting with requests still running\"");
            core::FlushBufferedLog();
            // The workers still reference this frame: leave without unwinding it.
            ::_exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto& t : threads) t.join();
    core::StopLogFlusher();
    if (StartsWith(opt.listen, "unix:")) ::unlink(opt.listen.substr(5).c_str());
    core::LogInfo("msg=\"stopped\"");
    return 0;
}

}  // namespace placette::http
