package org.tongxin.rounds;

/** Why a person of the round is not sampled at a site: away, isolated elsewhere (tested there), or sampled at home. */
public enum SkipReason { AWAY, ISOLATED_ELSEWHERE, HOME_SAMPLING }
