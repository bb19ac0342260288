-- expect: tests/scenarios/invalid/social_coverage_text.lua:2: policy.social_protection: coverage must be a share, a distribution, or a relative change such as "-10%" (got "abc")
policy.social_protection { region = "*", from = 2021, coverage = "abc" }
