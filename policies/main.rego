# METADATA
# title: Policy gate entrypoint
# description: >-
#   Collects the violations of every policy of every theme. The gate evaluates
#   data.ecolaura.main.violations (compiled to policy.wasm); a policy joins the gate by living in
#   one of these theme packages and defining deny, nothing else to register.
package ecolaura.main

# METADATA
# description: >-
#   Every violation of every policy, as built by data.ecolaura.lib.violation. The themes are
#   spelled out because a variable theme would also range over this package (a recursion).
violations contains v if some v in data.ecolaura.https[_].deny

violations contains v if some v in data.ecolaura.encryption[_].deny

violations contains v if some v in data.ecolaura.gdpr[_].deny

violations contains v if some v in data.ecolaura.supporting[_].deny

violations contains v if some v in data.ecolaura.sustainability[_].deny

violations contains v if some v in data.ecolaura.podsecurity[_].deny
