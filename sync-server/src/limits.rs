//! Rate limits on the endpoints that check a password or a recovery code (sign-up, sign-in, recovery):
//! one budget per client address and one per login. Kept in this instance's memory: with N instances
//! behind a load balancer an attacker gets at most N times the budget, which still turns a brute-force
//! attack from seconds into years; a shared limiter would need a store beside PostgreSQL.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::ApiError;

/// How many attempts a minute each key gets (also the burst); 0 turns that limit off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// Per client address, across logins.
    pub per_ip: u32,
    /// Per login, across addresses.
    pub per_login: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self { per_ip: 30, per_login: 10 }
    }
}

/// The limiters of one server instance.
#[derive(Clone, Debug)]
pub struct Limiter {
    by_ip: Option<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
    by_login: Option<Arc<DefaultKeyedRateLimiter<String>>>,
}

fn keyed<K: std::hash::Hash + Eq + Clone>(per_minute: u32) -> Option<Arc<DefaultKeyedRateLimiter<K>>> {
    NonZeroU32::new(per_minute).map(|n| Arc::new(RateLimiter::keyed(Quota::per_minute(n))))
}

impl Limiter {
    /// Limiters with these budgets.
    pub fn new(limits: RateLimits) -> Self {
        Self { by_ip: keyed(limits.per_ip), by_login: keyed(limits.per_login) }
    }

    /// Counts one attempt from `ip` on `login` (already normalised; empty when it is not a valid login).
    ///
    /// # Errors
    /// [`ApiError::TooManyAttempts`] with the seconds to wait when either budget is spent (an attempt the
    /// address budget refuses is not counted against the login).
    pub fn attempt(&self, ip: IpAddr, login: &str) -> Result<(), ApiError> {
        if let Some(by_ip) = &self.by_ip {
            by_ip.check_key(&network(ip)).map_err(|not_until| wait(&not_until))?;
        }
        if let Some(by_login) = &self.by_login.as_ref().filter(|_| !login.is_empty()) {
            by_login.check_key(&login.to_owned()).map_err(|not_until| wait(&not_until))?;
        }
        Ok(())
    }

    /// Forgets keys whose budget is full again, so memory stays bounded; run every minute or so.
    pub fn forget_idle(&self) {
        if let Some(l) = &self.by_ip {
            l.retain_recent();
        }
        if let Some(l) = &self.by_login {
            l.retain_recent();
        }
    }

    /// Keys held, for the metrics.
    pub fn len(&self) -> usize {
        self.by_ip.as_ref().map_or(0, |l| l.len()) + self.by_login.as_ref().map_or(0, |l| l.len())
    }

    /// Whether no key is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The key for an address: IPv4 as it is, IPv6 by its /64 (one subscriber's whole network, which hands
/// out addresses from it at will).
fn network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => IpAddr::V6(std::net::Ipv6Addr::from(v6.to_bits() & !((1u128 << 64) - 1))),
    }
}

fn wait(not_until: &governor::NotUntil<<DefaultClock as Clock>::Instant>) -> ApiError {
    let wait = not_until.wait_time_from(DefaultClock::default().now());
    // Whole seconds, rounded up: retrying at once after the header's wait must succeed.
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    ApiError::TooManyAttempts { retry_after_s: seconds.max(1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1));
    const CAFE: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2));

    #[test]
    fn an_address_and_a_login_each_have_their_budget() {
        let l = Limiter::new(RateLimits { per_ip: 3, per_login: 2 });
        assert!(l.attempt(HOME, "anna").is_ok());
        assert!(l.attempt(HOME, "anna").is_ok());
        // The login's budget is spent, from any address.
        assert!(matches!(l.attempt(CAFE, "anna"), Err(ApiError::TooManyAttempts { retry_after_s: 1.. })));
        // The address has one attempt left, on another login.
        assert!(l.attempt(HOME, "boris").is_ok());
        assert!(l.attempt(HOME, "vera").is_err());
        assert!(l.attempt(CAFE, "vera").is_ok());
    }

    #[test]
    fn an_ipv6_network_shares_one_budget() {
        let l = Limiter::new(RateLimits { per_ip: 2, per_login: 0 });
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(l.attempt(a, "").is_ok() && l.attempt(b, "").is_ok());
        assert!(l.attempt(a, "").is_err());
        assert!(l.attempt(other, "").is_ok());
    }

    #[test]
    fn zero_turns_a_limit_off_and_invalid_logins_share_only_the_address_budget() {
        let l = Limiter::new(RateLimits { per_ip: 0, per_login: 1 });
        for _ in 0..100 {
            assert!(l.attempt(HOME, "").is_ok());
        }
        assert!(l.attempt(HOME, "anna").is_ok());
        assert!(l.attempt(HOME, "anna").is_err());
    }
}
