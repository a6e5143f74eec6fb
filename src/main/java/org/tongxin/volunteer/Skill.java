package org.tongxin.volunteer;

/** What a volunteer can do: 医护, 驾驶, 数据录入, 物资搬运, 照护老人, 其他. */
public enum Skill { MEDICAL, DRIVING, DATA_ENTRY, LOGISTICS, ELDERLY_CARE, OTHER }
