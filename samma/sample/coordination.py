"""What the partners promised each pilot network for the three steps, and the two partners'
meetings since the plan started: their decisions, the actions they asked of a partner or the
network committee, and the problems raised with what is being done about them. Both generators
write them for every network, as a cross join of the network codes with these rows.

Delivery is matched from what the simulation recorded (samma/derived/pledge_delivery.sql); since
the plan started that is only CDD's cash (its training budget for FY2569 on 15 Nov 2025, its
support for the August 2026 fair) and that fair itself. What records cannot show (advice, a
venue, a booth) is written by hand. As of 31 Oct 2026 that makes eight pledges delivered, two
partly (an event of CDD's three; twelve of Wiang Ping's 36 market months), one overdue (DTAC's
online-selling training, moved to November at the second meeting) and six coming up.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from samma.sample.rules import PLAN_DUE

_D = dt.date
MADE = _D(2025, 10, 9)      # the plan meeting, where the partners made their pledges
QUARTER, YEAR1, YEAR3 = PLAN_DUE["quarter"], PLAN_DUE["year1"], PLAN_DUE["year3"]

# (partner, step, kind, what_th, what_en, amount, due, delivered by hand)
PLEDGES = (
    ("CDD", "quarter", "cash", "งบฝึกอบรมอาชีพให้เครือข่าย ปีงบประมาณ 2569",
     "Training budget for the network, FY2569", 40000.0, QUARTER, None),
    ("CDD", "year1", "cash", "งบสนับสนุนงานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน 2569",
     "Support for the 2026 community livelihood fair", 20000.0, _D(2026, 8, 31), None),
    ("CDD", "year3", "event", "จัดงานแสดงและจำหน่ายสินค้าระดับอำเภอ ปีละ 1 ครั้ง",
     "A district fair once a year", 3.0, YEAR3, None),
    ("CDD", "year3", "cash", "งบฝึกอบรมอาชีพ ปีงบประมาณ 2570–2571",
     "Training budget, FY2570–2571", 80000.0, YEAR3, None),
    ("TTT", "quarter", "other", "ชี้แนะเวทีกำกึ๊ดทบทวนแผนของเครือข่าย",
     "Advise the network's planning forum (kamkued)", 1.0, QUARTER, 1.0),
    ("TTT", "year1", "other", "ร่วมเป็นที่ปรึกษาเวทีประชุมภาคีทุกไตรมาส",
     "Advise the partners' meeting every quarter", 4.0, YEAR1, 4.0),
    ("TTT", "year3", "cash", "สมทบกองทุนเครือข่ายรอบที่ 2 ตามเงื่อนไข 1:1",
     "Second round of matching for the network fund (1:1)", 50000.0, YEAR3, None),
    ("WP", "quarter", "other", "สถานที่จัดเวทีประชุมภาคี", "Venue for the partners' meeting", 1.0,
     QUARTER, 1.0),
    ("WP", "year3", "other", "พื้นที่ตลาดสัมมาชีพประจำเดือนที่มหาวิชชาลัยเวียงพิงค์ (เดือน)",
     "Space for a monthly livelihood market at Wiang Ping (months)", 36.0, YEAR3, 12.0),
    ("WP", "year3", "cash", "สมทบกองทุนเครือข่ายรอบที่ 2 ตามเงื่อนไข 1:1",
     "Second round of matching for the network fund (1:1)", 50000.0, YEAR3, None),
    ("DTAC", "year1", "training", "อบรมการขายออนไลน์ผ่าน LINE และ Facebook",
     "Online selling on LINE and Facebook", 2.0, _D(2026, 6, 30), None),
    ("DTAC", "year3", "training", "อบรมการทำเว็บไซต์ร้านค้าของเครือข่าย",
     "A web shop for the network", 1.0, YEAR3, None),
    ("TCDC", "year1", "other", "ให้คำปรึกษาออกแบบบรรจุภัณฑ์ 4 กลุ่ม",
     "Packaging design advice for 4 groups", 4.0, YEAR1, 4.0),
    ("TCDC", "year3", "in_kind", "อบรมพัฒนาผลิตภัณฑ์และออกแบบ (มูลค่า)",
     "Product development and design training (value)", 60000.0, YEAR3, None),
    ("SOCHO", "year1", "other", "ร่วมจัดบูธสินค้าเครือข่ายในงานแสดงสินค้าระดับอำเภอ",
     "A booth for the network at the district fair", 1.0, YEAR1, 1.0),
    ("KPS", "quarter", "other", "ประชาสัมพันธ์สินค้าผ่านเครือข่ายกลุ่มสตรี",
     "Make the products known through the women's groups", 1.0, QUARTER, 1.0),
    ("KPS", "year3", "event", "ตลาดนัดสัมมาชีพสตรีสารภี ปีละ 1 ครั้ง",
     "Saraphi women's livelihood market once a year", 2.0, YEAR3, None),
)

# (number, date, place_th, place_en); a meeting's code is "<network>-<number>/2569".
MEETINGS = (
    (1, MADE, "มหาวิชชาลัยเวียงพิงค์ ตำบลท่าวังตาล", "Mahawitchalai Wiang Ping, Tha Wang Tan"),
    (2, _D(2026, 9, 24), "ห้องประชุมที่ว่าการอำเภอสารภี", "Meeting room, Saraphi District Office"),
)

# (meeting number, seq, text_th, text_en)
DECISIONS = (
    (1, 1, "เห็นชอบแผนขยับ 3 ขั้น (ไตรมาส 1 ปี 3 ปี) ของเครือข่าย และภาคีแจ้งคำมั่นการสนับสนุนในแต่ละขั้น",
     "Approved the network's three-step plan (quarter, 1 year, 3 years); the partners said what they "
     "will give at each step"),
    (1, 2, "ให้คณะกรรมการเครือข่ายรายงานกองทุนหมุนเวียนต่อที่ประชุมภาคีทุกไตรมาส",
     "The network committee reports the revolving fund to the partners' meeting every quarter"),
    (1, 3, "จัดงานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชนระดับอำเภอ ในเดือนสิงหาคม 2569",
     "Hold the district community livelihood fair in August 2026"),
    (2, 1, "รับทราบผลขั้น 1 ปี ภาคีส่งมอบตามคำมั่นเกือบครบ เหลือการอบรมการขายออนไลน์",
     "Noted the 1-year step: the partners delivered nearly all they promised; the online-selling "
     "training is still to come"),
    (2, 2, "เลื่อนการอบรมการขายออนไลน์ของ DTAC จิตอาสา เป็นเดือนพฤศจิกายน 2569",
     "DTAC volunteers' online-selling training moved to November 2026"),
    (2, 3, "ให้กลุ่มอาชีพที่ยังไม่ครบ 5 ก. จัดทำกฎระเบียบกลุ่มให้แล้วเสร็จ โดยคณะกรรมการเครือข่ายเป็นพี่เลี้ยง",
     "Groups without all 5 K finish their rules, with the network committee as mentor"),
    (2, 4, "คัดเลือกหมู่บ้านที่พร้อมเป็นต้นแบบ เพื่อขยายผลไปตำบลอื่นในอำเภอ",
     "Choose the villages ready to be models, to take the approach to other subdistricts"),
)

# (meeting number, text_th, text_en, owner partner or None for the committee, due, status, done on)
ACTIONS = (
    (1, "เสนอขอจัดสรรงบฝึกอบรมอาชีพ ปีงบประมาณ 2569 ให้เครือข่าย",
     "Request the FY2569 training budget for the network", "CDD", _D(2025, 11, 30), "done",
     _D(2025, 11, 15)),
    (1, "จัดทำรายงานกองทุนหมุนเวียนรายไตรมาส เสนอที่ประชุมภาคี",
     "Prepare the quarterly revolving fund report for the partners' meeting", None, _D(2026, 1, 31),
     "done", _D(2026, 1, 20)),
    (1, "ลงพื้นที่ให้คำปรึกษาการออกแบบบรรจุภัณฑ์ 4 กลุ่ม", "Visit 4 groups to advise on packaging",
     "TCDC", _D(2026, 6, 30), "done", _D(2026, 6, 12)),
    (1, "จัดอบรมการขายออนไลน์ผ่าน LINE และ Facebook ให้สมาชิกกลุ่มอาชีพ",
     "Train the groups' members to sell on LINE and Facebook", "DTAC", _D(2026, 6, 30), "dropped", None),
    (1, "จัดงานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน 2569", "Hold the 2026 community livelihood fair", "CDD",
     _D(2026, 8, 31), "done", _D(2026, 8, 22)),
    (2, "จัดอบรมการขายออนไลน์ผ่าน LINE และ Facebook ให้สมาชิกกลุ่มอาชีพ",
     "Train the groups' members to sell on LINE and Facebook", "DTAC", _D(2026, 11, 30), "open", None),
    (2, "ติดตามกลุ่มอาชีพหมู่ที่ 12 ให้จัดทำกฎระเบียบกลุ่ม", "Help the Moo 12 group write its rules", None,
     _D(2026, 10, 15), "open", None),
    (2, "ติดตามเงินกู้ที่ค้างชำระเกินกำหนด และปรับแผนการชำระคืน",
     "Follow up the overdue loans and agree new repayment plans", None, _D(2026, 11, 15), "open", None),
    (2, "เปิดพื้นที่ตลาดสัมมาชีพประจำเดือนที่มหาวิชชาลัยเวียงพิงค์",
     "Open the monthly livelihood market at Wiang Ping", "WP", _D(2026, 10, 31), "open", None),
    (2, "ประสานงบฝึกอบรมอาชีพ ปีงบประมาณ 2570 ให้เครือข่าย",
     "Arrange the FY2570 training budget for the network", "CDD", _D(2026, 11, 30), "open", None),
    (2, "สรุปหมู่บ้านที่พร้อมขยายผล เสนอที่ประชุมภาคีครั้งถัดไป",
     "List the villages ready to be models for the next partners' meeting", None, _D(2026, 12, 10),
     "open", None),
)

# (meeting number, text_th, text_en, response_th, response_en, status)
PROBLEMS = (
    (1, "กลุ่มอาชีพหลายกลุ่มยังไม่มีฉลากและบรรจุภัณฑ์ ขายในงานแสดงสินค้าได้น้อย",
     "Several groups have no labels or packaging and sell little at the fairs",
     "TCDC เชียงใหม่ลงพื้นที่ให้คำปรึกษาการออกแบบบรรจุภัณฑ์ 4 กลุ่ม",
     "TCDC Chiang Mai advised 4 groups on packaging design", "resolved"),
    (2, "สมาชิกสูงอายุใช้ LINE และ Facebook ไม่คล่อง การขายออนไลน์ยังน้อย",
     "Older members are not at ease with LINE and Facebook; online sales are few",
     "DTAC จิตอาสาจัดอบรมเพิ่ม และให้คนรุ่นใหม่ในครัวเรือนช่วยดูแลร้านออนไลน์",
     "DTAC volunteers train again; younger people in the households help run the online shop", "open"),
    (2, "มีเงินกู้จากกองทุนค้างชำระเกินกำหนด", "Some loans from the funds are overdue",
     "คณะกรรมการเครือข่ายติดตามทวงถาม และปรับแผนการชำระคืนตามรายได้ของครัวเรือน",
     "The network committee follows up and agrees repayment plans that fit the households' income",
     "open"),
    (2, "ราคาลำไยสดตกต่ำในฤดูเก็บเกี่ยว", "Fresh longan prices fell at harvest",
     "กลุ่มแปรรูปลำไยรับซื้อจากสมาชิกมาอบแห้งเพิ่ม และขายผ่านตลาดสัมมาชีพประจำเดือน",
     "The longan groups buy more from members to dry, and sell at the monthly market", "resolved"),
)


def meeting_code(network: str, number: int) -> str:
    return f"{network}-{number}/2569"


def coordination_frames(networks: list[str]) -> dict[str, pd.DataFrame]:
    """The pledges, meetings, decisions, actions and problems of every network in `networks`, in
    the schema's column order: each table the cross join of the networks with its rows above."""
    nets = pd.DataFrame({"network_code": networks})

    def cross(rows: tuple, columns: list[str]) -> pd.DataFrame:
        return nets.merge(pd.DataFrame(rows, columns=columns), how="cross")

    def ids(frame: pd.DataFrame) -> range:
        return range(1, len(frame) + 1)

    def code(frame: pd.DataFrame) -> list[str]:
        return [meeting_code(n, m) for n, m in zip(frame.network_code, frame.meeting)]

    pledges = cross(PLEDGES, ["partner_code", "step", "kind", "what_th", "what_en", "amount", "due",
                              "delivered_by_hand"])
    pledges.insert(0, "id", ids(pledges))
    pledges["made"] = MADE
    meetings = cross(MEETINGS, ["meeting", "date", "place_th", "place_en"])
    meetings["code"] = code(meetings)
    decisions = cross(DECISIONS, ["meeting", "seq", "text_th", "text_en"])
    decisions["meeting_code"] = code(decisions)
    actions = cross(ACTIONS, ["meeting", "text_th", "text_en", "partner_code", "due", "status", "done_on"])
    actions["meeting_code"] = code(actions)
    actions["id"] = ids(actions)
    actions["owner_kind"] = actions.partner_code.isna().map({True: "committee", False: "partner"})
    problems = cross(PROBLEMS, ["meeting", "text_th", "text_en", "response_th", "response_en", "status"])
    problems["meeting_code"] = code(problems)
    problems["id"] = ids(problems)
    frames = {
        "pledge": pledges[["id", "partner_code", "network_code", "step", "kind", "what_th", "what_en",
                           "amount", "made", "due", "delivered_by_hand"]],
        "meeting": meetings[["code", "date", "place_th", "place_en", "network_code"]],
        "decision": decisions[["meeting_code", "seq", "text_th", "text_en"]],
        "action": actions[["id", "meeting_code", "text_th", "text_en", "owner_kind", "partner_code", "due",
                           "status", "done_on"]],
        "problem": problems[["id", "meeting_code", "text_th", "text_en", "response_th", "response_en",
                             "status"]],
    }
    # Empty cells as None (not NaN): NULL in the database.
    return {name: frame.astype(object).where(frame.notna(), None) for name, frame in frames.items()}
