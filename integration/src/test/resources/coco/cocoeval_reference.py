"""Runs pycocotools' COCOeval (bbox) on a ground-truth file and a results file; prints the 12 statistics as JSON.

usage: cocoeval_reference.py GT.json RESULTS.json
COCOeval's progress messages go to stderr; stdout carries only {"stats": [...]} with every float in repr form.
"""
import contextlib
import json
import sys

from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

with contextlib.redirect_stdout(sys.stderr):
    truth = COCO(sys.argv[1])
    results = truth.loadRes(sys.argv[2])
    evaluation = COCOeval(truth, results, "bbox")
    evaluation.evaluate()
    evaluation.accumulate()
    evaluation.summarize()
print(json.dumps({"stats": [float(s) for s in evaluation.stats]}))
