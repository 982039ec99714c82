// The ceiling of the FastCGI path for bench/run: a libfcgi responder that answers every request
// with one fixed body, on as many threads as Placette has workers. No parsing, no database. It
// ends its connections as placette-fcgi does (fcgi/server.cpp): on this Unix socket, once the
// request's input has been read to its end, at once instead of libfcgi's wait for nginx.
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: placette-bench-trivial SOCKET_PATH BODY_FILE THREADS\n";
        return 2;
    }
    std::ifstream in(argv[2], std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string body = ss.str();
    const std::string head =
        "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n";
    FCGX_Init();
    // libfcgi catches SIGTERM for its own shutdown flag; this tool simply exits on it.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);
    int fd = FCGX_OpenSocket(argv[1], 256);
    if (fd < 0) return 1;
    ::chmod(argv[1], 0666);
    std::mutex accept_mu;
    std::vector<std::thread> threads;
    for (int i = 0; i < std::atoi(argv[3]); ++i) {
        threads.emplace_back([&] {
            FCGX_Request req;
            FCGX_InitRequest(&req, fd, 0);
            for (;;) {
                int rc;
                {
                    std::lock_guard lock(accept_mu);
                    rc = FCGX_Accept_r(&req);
                }
                if (rc < 0) break;
                const bool input_read = FCGX_GetChar(req.in) == EOF;
                FCGX_PutStr(head.data(), static_cast<int>(head.size()), req.out);
                FCGX_PutStr(body.data(), static_cast<int>(body.size()), req.out);
                if (input_read) FCGX_Detach(&req);
                FCGX_Finish_r(&req);
            }
        });
    }
    int sig = 0;
    sigwait(&stop, &sig);
    ::unlink(argv[1]);
    std::_Exit(0);
}
