//! The delegations as negotiators, measured on the built-in domain.

use muscat::ai::bilateral;
use muscat::content::Content;

#[test]
fn delegations_alone_strike_rational_deals_near_nash_and_the_frontier() {
    let content = Content::builtin();
    let b = bilateral::run(&content);
    assert_eq!(b.sessions, 50);
    assert_eq!(b.below_reservation, 0, "no deal below a reservation value");
    assert!(b.agreement_rate >= 0.9, "agreement {}", b.agreement_rate);
    // The research targets: the best published time-based agents reach about 0.10 and 0.03.
    assert!(b.mean_to_nash <= 0.10, "to Nash {}", b.mean_to_nash);
    assert!(b.mean_to_pareto <= 0.03, "to Pareto {}", b.mean_to_pareto);
    for row in &b.rows {
        if let (Some((us, iran)), true) = (row.utilities, row.agreement) {
            assert!((0.0..=1.0).contains(&us) && (0.0..=1.0).contains(&iran));
        }
    }
}
