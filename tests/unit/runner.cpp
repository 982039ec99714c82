// CppUnit runner for the unit tests. `placette_unit_tests AREA` runs the suites registered
// under that registry name (fcgi, core, host, payments, cli, themes); with no argument, all of them.
#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> areas;
    if (argc > 1) {
        areas.assign(argv + 1, argv + argc);
    } else {
        areas = {"fcgi", "core", "host", "payments", "cli", "themes", "skills", "exchange", "community", "crowdfunding"};
    }
    CppUnit::TestResult controller;
    CppUnit::TestResultCollector result;
    controller.addListener(&result);
    CppUnit::BriefTestProgressListener progress;
    controller.addListener(&progress);
    CppUnit::TestRunner runner;
    for (const auto& area : areas) {
        runner.addTest(CppUnit::TestFactoryRegistry::getRegistry(area).makeTest());
    }
    runner.run(controller);
    CppUnit::CompilerOutputter outputter(&result, std::cerr);
    outputter.write();
    const int failed = result.testFailuresTotal();
    const int run = result.runTests();
    std::cout << "unit: " << (run - failed) << " passed, " << failed << " failed" << std::endl;
    return result.wasSuccessful() ? 0 : 1;
}
